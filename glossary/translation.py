"""Glossary terms are translated per language (django-modeltranslation); where each meaning was
checked is for staff and stays in English."""

from modeltranslation.translator import TranslationOptions, register

from .models import Term


@register(Term)
class TermTranslation(TranslationOptions):
    fields = ("term", "meaning", "also_called")
