"""The files ``manage.py start_part`` writes for a new part: each a template in which ``{{name}}``,
``{{Name}}``, ``{{title}}`` and ``{{order}}`` are replaced. Kept as files so they read as the code
they become."""
