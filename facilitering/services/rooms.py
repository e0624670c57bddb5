from django.db import transaction

from ..models import Room


@transaction.atomic
def room_create(*, name: str, capacity: int, location: str = "", active: bool = True) -> Room:
    room = Room(name=name, capacity=capacity, location=location, active=active)
    room.full_clean()
    room.save()
    return room
