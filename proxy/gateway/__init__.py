"""The gateway: the doors client apps call, and the way to the upstream.

``flow`` is the hot path every personalised door runs (identify, prepare, plan, inject, forward,
stream back, record); the doors ``chat`` (and Azure deployment paths), ``responses`` and
``messages`` only say how their protocol reads and writes, and ``passthrough`` relays everything
else under ``/v1``. ``upstream`` and ``providers`` are the one pooled HTTP client and the litellm
routes; ``feedback`` takes thumbs and comments about a response.
"""
