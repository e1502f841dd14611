"""The open API (/api/v1/): read-only JSON of what the public pages show, for regional
institutes and municipal centres — schools, programmes, roadmaps and their events, target
indicators, participant counts, news and cases. Built on Django REST framework, its OpenAPI
schema made by drf-spectacular.

- public.py: what the API may show at all (the one place; every endpoint reads it);
- filters.py: the query parameters, each refused with a 400 when bad;
- serializers.py: the fields, only those a public page shows;
- views.py: the endpoints, their caching, ETag and Last-Modified;
- docs.py: the schema and its readable page, in Russian and English."""
