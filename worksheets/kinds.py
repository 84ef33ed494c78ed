"""Every kind of worksheet, registered once. To add a kind, see docs/worksheets.md."""

from .forms import NeedsStatementForm, RelationshipForm, SafetyPlanForm
from .models import NeedsStatement, Relationship, SafetyPlan
from .pdf import relationship_pdf, safetyplan_pdf, statement_pdf
from .registry import WorksheetKind, register

register(
    WorksheetKind(
        key="statement",
        model=NeedsStatement,
        form=NeedsStatementForm,
        plural="statements",
        label="Needs statements",
        noun="needs statement",
        consent_noun="needs statement",
        export_key="needs_statements",
        created_message="Your statement is saved.",
        delete_what="this needs statement",
        delete_detail="Everything in it will be gone for good, including any unsaved versions.",
        deleted_message="The statement is deleted.",
        pdf=statement_pdf,
        trusted_link=True,
    )
)

register(
    WorksheetKind(
        key="relationship",
        model=Relationship,
        form=RelationshipForm,
        plural="relationships",
        label="Relationships",
        noun="relationship",
        consent_noun="relationship, with its notes, security checks and test drives",
        export_key="relationships",
        created_message="{name} is added.",
        delete_what="this relationship",
        delete_detail=(
            "Its notes, every security check and every test drive will be gone for good."
        ),
        deleted_message="The relationship is deleted.",
        share_help="A relationship is shared with its notes, security checks and test drives.",
        pdf=relationship_pdf,
    )
)

register(
    WorksheetKind(
        key="safetyplan",
        model=SafetyPlan,
        form=SafetyPlanForm,
        plural="safety-plans",
        label="Safety plans",
        noun="safety plan",
        consent_noun="safety plan, with the names and numbers in it",
        export_key="safety_plans",
        created_message="Your safety plan is saved.",
        delete_what="this safety plan",
        delete_detail="Everything in it will be gone for good, including any unsaved versions.",
        deleted_message="The safety plan is deleted.",
        share_help="A safety plan is shared with the names and phone numbers in it.",
        pdf=safetyplan_pdf,
        trusted_link=True,
    )
)
