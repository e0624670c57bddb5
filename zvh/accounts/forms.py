"""The login form: Django's, with the one username normalisation the lockout uses too."""

from django.contrib.auth.forms import AuthenticationForm, UsernameField

from .usernames import normalize_username


class NormalisedUsernameField(UsernameField):
    def to_python(self, value):
        return normalize_username(super().to_python(value))


# A username is at most 150 characters (the User model); longer input is refused by the form before any lookup.
USERNAME_MAX_LENGTH = 150


class LoginForm(AuthenticationForm):
    username = NormalisedUsernameField(
        max_length=USERNAME_MAX_LENGTH, widget=AuthenticationForm.base_fields["username"].widget
    )
