"""Letters' words are translated per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Letter


@register(Letter)
class LetterTranslation(TranslationOptions):
    fields = ("title", "when_to_use", "body")
