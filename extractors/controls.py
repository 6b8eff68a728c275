"""Rule extractors for the default playbook, one small registered function per requirement.

Each function only states what its requirement looks like (element patterns, who must act, weak
signals); `extractors.rules` does the scanning, polarity and direction checks and the verdict, and
`extractors.spans` / `extractors.text` hold the sentence, duration and negation machinery. Importing
this module registers all twelve, which live in modules by theme:

- `controls_audit`: audit_rights, subprocessor_disclosure
- `controls_exit`: exit_assistance
- `controls_security`: security_obligations, access_logging, incident_notification
- `controls_data`: data_ownership, data_retention
- `controls_commercial`: change_notification, service_credits
- `controls_terms`: termination_convenience, renewal_notice
"""

from __future__ import annotations

# NOTE: imported for their side effect: each module's `@register` decorators add its extractors.
from extractors import (  # noqa: F401
    controls_audit,
    controls_commercial,
    controls_data,
    controls_exit,
    controls_security,
    controls_terms,
)
