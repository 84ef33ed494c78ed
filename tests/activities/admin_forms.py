"""Posting the admin's activity form in tests."""


def activity_change_data(form, **changes) -> dict:
    """What the admin's change form for an activity posts when only `changes`
    are made, with no kinds, links or ready messages."""
    data = {key: value for key, value in form.initial.items() if value is not None}
    data.update(
        {
            "kinds": [],
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
            "messages-TOTAL_FORMS": "0",
            "messages-INITIAL_FORMS": "0",
            **changes,
        }
    )
    return data
