from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [path("page-feedback/", views.page_feedback, name="send")]
