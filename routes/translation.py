"""Which fields of the routes' content staff translate (/work/team/translation-spec.md): each gets a
column per language of settings.MODELTRANSLATION_LANGUAGES beside it (django-modeltranslation).
Names, addresses, phone numbers and the Code's exact words stay as they are in every language."""

from modeltranslation.translator import TranslationOptions, register

from .models import CodeParagraph, Organisation, Route, Step


@register(Route)
class RouteTranslation(TranslationOptions):
    fields = ("title", "summary", "when_to_use", "body", "time_limits")


@register(Step)
class StepTranslation(TranslationOptions):
    fields = ("title", "body")


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("helps_with", "opening_hours")


@register(CodeParagraph)
class CodeParagraphTranslation(TranslationOptions):
    # The quote is the Code's own words and stays in English.
    fields = ("title",)
