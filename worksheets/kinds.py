"""Every kind of worksheet, registered once. To add a kind, see docs/worksheets.md."""

from django.utils.translation import gettext_lazy as _

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
        label=_("Needs statements"),
        noun=_("needs statement"),
        consent_noun=_("needs statement"),
        export_key="needs_statements",
        created_message=_("Your statement is saved."),
        delete_what=_("this needs statement"),
        delete_detail=_("Everything in it will be gone for good, including any unsaved versions."),
        deleted_message=_("The statement is deleted."),
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
        label=_("Relationships"),
        noun=_("relationship"),
        consent_noun=_("relationship, with its notes, security checks and test drives"),
        export_key="relationships",
        created_message=_("%(name)s is added."),
        delete_what=_("this relationship"),
        delete_detail=_(
            "Its notes, every security check and every test drive will be gone for good."
        ),
        deleted_message=_("The relationship is deleted."),
        share_help=_("A relationship is shared with its notes, security checks and test drives."),
        pdf=relationship_pdf,
    )
)

register(
    WorksheetKind(
        key="safetyplan",
        model=SafetyPlan,
        form=SafetyPlanForm,
        plural="safety-plans",
        label=_("Safety plans"),
        noun=_("safety plan"),
        consent_noun=_("safety plan, with the names and numbers in it"),
        export_key="safety_plans",
        created_message=_("Your safety plan is saved."),
        delete_what=_("this safety plan"),
        delete_detail=_("Everything in it will be gone for good, including any unsaved versions."),
        deleted_message=_("The safety plan is deleted."),
        share_help=_("A safety plan is shared with the names and phone numbers in it."),
        pdf=safetyplan_pdf,
        trusted_link=True,
    )
)
