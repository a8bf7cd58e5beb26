"""Shared fixtures: the real content, staff accounts in each role."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command


@pytest.fixture
def content(db):
    """The site's initial content, as `make run` loads it."""
    call_command("load_initial_content", verbosity=0)


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("admin", "admin@example.org", "a-long-test-password-1")


def _staff(username, group_name):
    user = User.objects.create_user(username, f"{username}@example.org", "a-long-test-password-1")
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return _staff("editor", "Content editor")


@pytest.fixture
def manager(db):
    return _staff("manager", "Content manager")
