"""Content models: review dates, citations, phone links."""

from datetime import date

import pytest

from routes.models import CodeParagraph, Organisation, Route, RouteOrganisation, Step

pytestmark = pytest.mark.django_db


def test_review_due_is_worked_out_from_last_reviewed_and_the_interval():
    organisation = Organisation.objects.create(
        name="Test",
        slug="test",
        helps_with="x",
        last_reviewed=date(2026, 8, 31),
        review_interval_months=6,
    )
    assert organisation.review_due == date(2027, 2, 28)
    organisation.review_interval_months = 3
    organisation.save()
    organisation.refresh_from_db()
    assert organisation.review_due == date(2026, 11, 30)


def test_needs_review_once_the_date_has_come(monkeypatch):
    organisation = Organisation.objects.create(
        name="Old", slug="old", helps_with="x", last_reviewed=date(2020, 1, 1)
    )
    assert organisation.needs_review
    fresh = Organisation.objects.create(name="New", slug="new", helps_with="x")
    assert not fresh.needs_review


@pytest.mark.parametrize(
    ("phone", "href"),
    [
        ("020 8825 5588", "tel:+442088255588"),
        ("0808 808 3555", "tel:+448088083555"),
        ("+44 20 8825 5588", "tel:+442088255588"),
        ("", ""),
    ],
)
def test_phone_numbers_become_tel_links(phone, href):
    assert Organisation(phone=phone).phone_href == href


def test_code_paragraphs_are_cited_the_way_caseworkers_write_them():
    single = CodeParagraph(start="11.45", title="Appeals")
    assert single.citation == "SEND Code of Practice, paragraph 11.45"
    span = CodeParagraph(start="11.13", end="11.38", title="Mediation")
    assert span.citation == "SEND Code of Practice, paragraphs 11.13 to 11.38"


def test_code_paragraphs_sort_by_number_not_as_text(empty_content):
    for start in ("11.13", "11.2", "11.111", "9.5"):
        CodeParagraph.objects.create(start=start, title=start)
    assert [p.start for p in CodeParagraph.objects.all()] == ["9.5", "11.2", "11.13", "11.111"]


@pytest.mark.parametrize("model", [Route, Organisation, CodeParagraph, Step, RouteOrganisation])
def test_every_field_staff_edit_has_help_text(model):
    for field in model._meta.get_fields():
        if getattr(field, "editable", False) and not field.auto_created and field.name != "id":
            assert field.help_text, f"{model.__name__}.{field.name} has no help text"
