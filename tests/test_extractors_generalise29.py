"""Twenty-ninth generalisation pass (partial) of the rule extractors: one group of tests per general mechanism fixed
after set 29 was measured blind. The drafting is written for these tests; nothing comes from the held-out set.

Mechanisms: a written 'Destruction Direction' triggers a deletion deadline; 'the Oklahoma Security Breach
Notification Act' names a statute and owes nobody a notice; 'provided that such notice shall not expire before the
fifth anniversary of Go-Live' is a lock-in, not an event; security patches 'that do not change the functions' on
48 hours' notice do not weaken change control; 'reasonable measures' that only bridge the time 'until Schedule 4 is
agreed' leave security to that schedule; a product built from the customer's records 'which the Supplier licenses
to mining companies' is own-purpose use; 'that provider's ISO/IEC 27001 certificate' is a third party's; telling
the customer 'the effect of the requested change' answers its own request and is no notice of a vendor change; 'a
shared platform' shares no report; an exhibit 'to be executed by the parties ... Not attached' is a placeholder; an
audit log of 'your Agents', or one 'that the Network's Medical Records Officer reviews weekly', is the customer's.
"""

from __future__ import annotations

from tests.support.extractors import M, P, U, W, check


def test_a_deletion_deadline_after_a_destruction_direction() -> None:
    text = (
        "18.3 Within thirty (30) days after receiving a Destruction Direction, the Contractor shall destroy all copies "
        "of the Government Records named in it, including backup copies, and shall give the Government a "
        "certificate of destruction.\n"
    )
    check("data_retention", P, text, {"deletion_days": 30})


def test_a_breach_notification_act_is_a_statute() -> None:
    text = (
        "9.1 Vendor shall investigate each Security Incident of which it becomes aware and take reasonable steps to "
        "contain it.\n9.2 Each party is responsible for its own compliance with the Oklahoma Security Breach "
        "Notification Act.\n"
    )
    check("incident_notification", M, text, whole=True)


def test_notice_that_may_not_expire_before_an_anniversary() -> None:
    text = (
        "17.2 The Credit Union may terminate this Agreement by giving the Supplier not less than twelve (12) months' "
        "written notice, provided that such notice shall not expire before the fifth anniversary of Go-Live.\n"
    )
    check("termination_convenience", W, text, {"lockin_months": 60})


def test_patches_that_change_nothing_beside_change_control() -> None:
    text = (
        "8.1 No change to the Services, the Service Levels or the Charges shall take effect unless it is set out in "
        "a Change Order signed by the President of the Institute and by the Supplier.\n8.2 Security patches and "
        "corrections that do not change the functions of Kampus360 may be applied during the maintenance window in "
        "Schedule 2, on forty-eight (48) hours' notice to the Academic Registrar.\n"
    )
    finding = check("change_notification", P, text, whole=True)
    assert "change control" in finding.reason, finding.reason


def test_reasonable_measures_only_until_the_security_schedule_is_agreed() -> None:
    text = (
        "12.1 The Supplier shall implement the information security measures set out in Schedule 4 (Information "
        "Security Requirements).\n12.2 Schedule 4 shall be agreed between the parties within sixty (60) days after "
        "signature.\n12.3 Until Schedule 4 is agreed, the Supplier shall take reasonable measures to protect "
        "Institute Data.\n\n## Schedule 4 - Information Security Requirements\n\nTo be agreed under Article 12.2. "
        "Not attached.\n"
    )
    check("security_obligations", U, text, filename="agreement.md")
    agreed = (
        text.split("12.3")[0]
        + "12.3 The Supplier shall take reasonable measures to protect Institute Data.\n"
    )
    check("security_obligations", W, agreed, filename="agreement.md")


def test_an_index_built_from_the_customers_records_and_licensed_out() -> None:
    text = (
        'This Agreement is made between Bafi Minerals Limited (the "Company") and TailWatch Systems Ltd (the '
        '"Supplier").\n\n8.1 Company Data, including the Monitoring Records, is the property of the Company.\n8.2 '
        "Notwithstanding "
        "clause 8.1, the Supplier may use the Monitoring Records, identifying the mine only by a code, to compile its "
        "quarterly Tailings Performance Index, which the Supplier licenses to mining companies, insurers and "
        "lenders.\n"
    )
    check("data_ownership", W, text, whole=True)


def test_a_hosting_providers_certificate_shared_for_information() -> None:
    text = (
        "7.1 Vendor shall implement reasonable safeguards, consistent with good industry practice, to protect Network "
        "Data.\n7.2 Network Data is hosted by a third-party cloud provider. Vendor makes that provider's ISO/IEC 27001 "
        "certificate and SOC 2 reports available to the Network for information only.\n"
    )
    check("security_obligations", W, text, whole=True)


def test_the_effect_of_a_requested_change_is_no_change_notice() -> None:
    text = (
        "7.1 The Company may request a change to the Services. The Supplier shall, within ten (10) Working Days, tell "
        "the Company in writing the effect of the requested change on the Charges and the service levels.\n7.2 No "
        "change to the Services, the service levels or the Charges shall take effect unless it is set out in a "
        "Variation signed by the Company's General Manager and the Supplier.\n"
    )
    finding = check("change_notification", P, text, whole=True)
    assert "notice_days" not in finding.params or finding.params["notice_days"] is None, finding.params


def test_a_shared_platform_offers_no_report() -> None:
    text = (
        "<h2>10. Audit</h2><p>10.1 Because Berthwise is a shared platform, you may not audit, inspect or test our "
        "systems, facilities or records, and we do not provide third-party audit reports to customers.</p>"
    )
    check("audit_rights", M, text, filename="terms.html")
    shared = text.replace(
        "and we do not provide third-party audit reports to customers", "but we share our SOC 2 report"
    )
    check("audit_rights", W, shared, filename="terms.html")


def test_subprocessor_terms_in_an_exhibit_still_to_be_executed() -> None:
    text = (
        "# Master Subscription Agreement\n\n## 9. Subprocessors\n\n**9.2** Palletwise may use Subprocessors to provide "
        "the Services and is responsible for them.\n\n**9.3** Palletwise's current Subprocessors, and the procedure by which Palletwise will "
        "notify Customer of, and Customer may object to, any new Subprocessor, are set out in the Data Protection "
        "Exhibit (Exhibit D).\n\n**19.4 Entire agreement.** This Agreement and its Exhibits are the entire agreement.\n\n"
        "---\n\n**Exhibit D - Data Protection "
        "Exhibit:** to be executed by the parties within thirty (30) days after the Effective Date. Not attached.\n"
    )
    check("subprocessor_disclosure", U, text, filename="msa.md")


def test_logs_of_the_customers_agents_and_logs_the_customer_reviews() -> None:
    agents = (
        "<h2>10. Your account</h2><p>10.1 You create the accounts of your Agents and assign their roles.</p><p>10.2 "
        "The admin console keeps an audit log of the actions of your Agents for twelve (12) months.</p>"
    )
    check("access_logging", M, agents, filename="terms.html")
    reviewed = (
        'This Agreement is between Manor River Health Network (the "Network") and WardBook Inc. ("Vendor").\n\n7.3 '
        "Clinicians may open a restricted record in an emergency. Each break-the-glass access is recorded in an audit "
        "log that the Network's Medical Records Officer reviews weekly.\n"
    )
    check("access_logging", M, reviewed, whole=True)
