"""Every facilitering model is audited (django-auditlog): who changed what, with the request's correlation id."""

from auditlog.registry import auditlog

from .models import Agreement, Booking, CalendarFeed, Room, Series

auditlog.register(Room)
auditlog.register(Agreement)
auditlog.register(Series)
auditlog.register(Booking)
auditlog.register(CalendarFeed, exclude_fields=["token_hash", "token_salt"])
