import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Activity, ActivityQuerySet, Tag


class ActivityFilter(django_filters.FilterSet):
    """The catalogue's filters, shared by the page and the JSON API.

    Values that don't validate are left out of the filtering; the page says so,
    and the API answers 400.
    """

    setting = django_filters.ChoiceFilter(
        choices=Activity.Setting.choices,
        label=_("Where"),
        empty_label=_("Anywhere"),
        method="filter_setting",
    )
    effort = django_filters.ChoiceFilter(
        choices=Activity.Effort.choices,
        label=_("Effort"),
        empty_label=_("Any effort"),
        method="filter_effort",
    )
    kind = django_filters.ModelMultipleChoiceFilter(
        queryset=Tag.objects.all(),
        to_field_name="slug",
        label=_("Kind"),
        widget=forms.CheckboxSelectMultiple,
        method="filter_kind",
    )
    q = django_filters.CharFilter(label=_("Search"), max_length=100, method="filter_q")

    class Meta:
        model = Activity
        fields = ["setting", "effort", "kind", "q"]

    def filter_setting(self, queryset: ActivityQuerySet, name: str, value: str) -> ActivityQuerySet:
        return queryset.for_setting(value)

    def filter_effort(self, queryset: ActivityQuerySet, name: str, value: str) -> ActivityQuerySet:
        return queryset.for_effort(value)

    def filter_kind(
        self, queryset: ActivityQuerySet, name: str, value: list[Tag]
    ) -> ActivityQuerySet:
        if not value:
            return queryset
        return queryset.with_any_kind([kind.slug for kind in value])

    def filter_q(self, queryset: ActivityQuerySet, name: str, value: str) -> ActivityQuerySet:
        return queryset.search(value)
