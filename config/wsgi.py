import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
application = get_wsgi_application()

from lantern.tasks.startup import mark_stopped_tasks  # noqa: E402  (needs the apps loaded above)

mark_stopped_tasks()
