"""gunicorn settings for production (read automatically from the working directory, and named with -c).

- No ``Server`` header: nothing tells a scanner which server (or version) answers.
- The access log redacts the calendar feed token (``zvh.logredact``).
"""

from gunicorn.http import wsgi

logger_class = "zvh.logredact.RedactingGunicornLogger"
accesslog = "-"
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms'
# Never forward the whole environment to the access log ("%({...}e)s" atoms are not used).


def _headers_without_server(default_headers):
    def headers(self):
        return [line for line in default_headers(self) if not line.lower().startswith("server:")]

    return headers


wsgi.Response.default_headers = _headers_without_server(wsgi.Response.default_headers)
