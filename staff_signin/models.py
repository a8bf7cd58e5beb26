from django.db import models


class SecondFactor(models.Model):
    """No table: only the permission to reset a colleague's second factor, which content managers
    and superusers hold. The reset itself is recorded in the admin's history of that person."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("reset_second_factor", "Can reset a colleague's second factor")]

    def __str__(self):
        return "Second factor"
