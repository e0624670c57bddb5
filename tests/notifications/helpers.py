from email.message import Message

from django.core.mail import EmailMessage

from .conftest import JAN, PETRA


def message_text(message: EmailMessage) -> str:
    """Subject, body and every attachment of an e-mail as one text."""
    parts = [message.subject, message.body]
    for attachment in message.attachments:
        if isinstance(attachment, Message):
            parts.append(attachment.as_string())
        else:
            content = attachment[1]
            parts.append(content.decode() if isinstance(content, bytes) else str(content))
    return "\n".join(parts)


def assert_no_personal_data(message: EmailMessage, *extra: str) -> None:
    text = message_text(message)
    for needle in (*JAN, *PETRA, *extra):
        assert needle not in text, f"{needle!r} staat in de e-mail"
