"""Every kind of worksheet, registered once. To add a kind, see docs/worksheets.md."""

from .forms import NeedsStatementForm, RelationshipForm
from .models import NeedsStatement, Relationship
from .pdf import statement_pdf
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
    )
)
