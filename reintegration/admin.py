"""The beheerder manages code lists and users, not dossier content: trajecten are not in the admin."""
