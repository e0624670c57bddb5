"""The login form: Django's, with the one username normalisation the lockout uses too."""

from django.contrib.auth.forms import AuthenticationForm, UsernameField

from .usernames import normalize_username


class NormalisedUsernameField(UsernameField):
    def to_python(self, value):
        return normalize_username(super().to_python(value))


class LoginForm(AuthenticationForm):
    username = NormalisedUsernameField(widget=AuthenticationForm.base_fields["username"].widget)
