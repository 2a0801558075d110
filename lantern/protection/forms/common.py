"""Pieces shared by the child protection forms: one action's fields, and how staff are named in
choices. The field builders themselves are lantern.web.fields."""


from lantern.web.fields import line, text
from lantern.web.forms import DateField, GovUKForm, single_action_field


class ActionForm(GovUKForm):
    """One action: what, who, by when, and how we will know it worked."""

    what = text("What will be done", "One clear thing, for example 'Dad attends the parenting programme'")
    owner = line("Who will do it", "A named person or agency, for example 'Dr Patel, Oakfield Surgery'")
    due_date = DateField(label="By when", required=False)
    success_measure = text("How we will know it worked", "What will be different for the child")

    ACTION_FIELDS = ("what", "owner", "due_date", "success_measure")

    def field_for_service_key(self, key: str) -> str | None:
        return single_action_field(key)

    def action(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.ACTION_FIELDS}


def staff_label(user) -> str:
    registered = "registered social worker" if user.is_registered_social_worker else "not a registered social worker"
    return f"{user} ({user.get_role_display()}, {registered})"

