"""The plan's advice words are translated per language (django-modeltranslation); the references
behind deadlines name English law and stay as they are."""

from modeltranslation.translator import TranslationOptions, register

from .models import Advice


@register(Advice)
class AdviceTranslation(TranslationOptions):
    fields = ("words",)
