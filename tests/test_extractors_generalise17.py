"""Seventeenth generalisation pass of the rule extractors: one group of tests per general mechanism fixed, each
with drafting written for these tests (not copied from any evaluation contract).

Mechanisms: a defined term whose meaning lists images, scans or metadata names the customer's data, and a
glossary may qualify its "means" ('"Archive" within the meaning of this Contract means'); the family's own name
for the customer names its data ("All Trust Information", "the records ... uploaded to the Portal by THE
IMPORTER"); information "contained in the Platform" is the customer's data, so training models offered to other
clients on it without opt-in is own-purpose use; a limited licence to process the data, with no ownership
statement, is missing (purpose limitation is not ownership).
"""

from __future__ import annotations

from tests.support.extractors import M, P, W, check

PARTIES = (
    'This Agreement is made between Harrowgate Digital Ltd (the "Supplier") and Millbrook Community Health '
    'Trust (the "Trust").\n\n'
)


def test_a_defined_term_of_images_and_metadata_names_the_customers_data() -> None:
    text = (
        'Art. 1. (1) "Image Library" within the meaning of this Contract means all scanned images, annotations '
        "and metadata of the radiology department, whether created before or after its signature.\n"
        "Art. 6. (1) The Image Library, including all scans and related records, is and shall remain the property "
        "of the PURCHASER.\n"
    )
    check("data_ownership", P, text, whole=True)


def test_the_customers_own_name_for_its_information_names_its_data() -> None:
    text = PARTIES + "4. Records\n4.1 All Trust Information is and remains the property of the Trust.\n"
    check("data_ownership", P, text, whole=True)
    text = (
        'This contract is concluded between Almendra Logistica S.A., hereinafter "THE IMPORTER", and Cumbre '
        'Sistemas S.R.L., hereinafter "THE PROVIDER".\n\n'
        "NINTH: INFORMATION\na) The records, documents and information uploaded to the Portal by THE IMPORTER and "
        "its agents are the exclusive property of THE IMPORTER.\n"
    )
    check("data_ownership", P, text, whole=True)


def test_training_models_for_other_clients_on_what_the_platform_holds_is_own_purpose_use() -> None:
    text = (
        'This contract is concluded between Banco Rural Andino S.A., hereinafter "THE BANK", and Riskline '
        'Analytics Ltda., hereinafter "THE PROVIDER".\n\n'
        "SIXTH: DATA\n6.1 The Bank Data is the exclusive property of THE BANK.\n"
        "6.2 THE BANK authorises THE PROVIDER to use the records of the credit applications stored in the "
        "Platform to train and refine the fraud models of the Platform, which THE PROVIDER also licenses to its "
        "other clients, unless THE BANK objects in writing.\n"
    )
    check("data_ownership", W, text, whole=True)


def test_a_limited_licence_without_ownership_is_missing() -> None:
    text = (
        PARTIES + "7. Trust Data\n7.1 The Trust grants the Supplier a non-exclusive, royalty-free licence to "
        "store, copy and process Trust Data solely as necessary to provide the Services.\n"
    )
    finding = check("data_ownership", M, text, whole=True)
    assert "only licenses its use" in finding.reason


def test_the_party_whose_data_is_kept_is_not_the_one_keeping_it() -> None:
    text = (
        'This contract is concluded between Textiles del Chaco S.A., hereinafter "THE BUYER", and Nube Andina '
        'S.R.L., hereinafter "THE PROVIDER".\n\n'
        "TENTH: SECURITY\nb) THE PROVIDER shall hold the records of THE BUYER encrypted at rest (AES-256) and in "
        "transit (TLS 1.3), and shall patch its servers monthly.\n"
    )
    check("security_obligations", P, text, whole=True)


def test_a_table_of_the_following_subcontractors_is_a_list() -> None:
    text = (
        "Art. 9. (1) The SUPPLIER shall perform the contract with the participation of the following "
        "subcontractors, indicated in its offer:\n\n"
        "| Subcontractor | Registration No. | Part of the work |\n|---|---|---|\n"
        "| Nordlys Hosting AS | 918273645 | primary hosting |\n| Fjellbackup AS | 912345678 | offsite backup |\n\n"
        "(2) The SUPPLIER shall remain responsible for its subcontractors.\n"
    )
    check("subprocessor_disclosure", W, text, whole=True)


def test_third_parties_the_vendor_uses_reported_after_a_change_get_no_advance_notice() -> None:
    text = (
        'This contract is concluded between Cooperativa Lechera del Sur, hereinafter "THE COOPERATIVE", and '
        'Datagro S.A., hereinafter "THE PROVIDER".\n\n'
        "TWELFTH: THIRD PARTIES\na) The third parties used by THE PROVIDER to host the Platform on the date of "
        "signature are listed in Annex IV.\nb) THE PROVIDER may add or replace third parties, notifying THE "
        "COOPERATIVE within five (5) business days after the addition or replacement.\n\n"
        "ANNEX IV - THIRD PARTIES\n| Name | Service |\n|---|---|\n| Nubecorp S.A. | hosting |\n"
    )
    finding = check("subprocessor_disclosure", W, text, whole=True)
    assert finding.params.get("notice_days") is None
    assert "no advance notice" in finding.reason


def test_deleting_the_information_of_the_customer_when_no_longer_needed_has_no_deadline() -> None:
    text = (
        'This contract is concluded between Agroexport Itapúa S.A., hereinafter "THE SHIPPER", and Red Logística '
        'S.A., hereinafter "THE PROVIDER".\n\n'
        "FIFTEENTH: END OF THE CONTRACT\nThe records of THE SHIPPER shall be erased by THE PROVIDER once they are "
        "no longer necessary for the purposes of this contract.\n"
    )
    check("data_retention", W, text, whole=True)
