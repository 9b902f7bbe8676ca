# beliefloop: the proxy in a slim image that runs as an unprivileged user.
#   docker build -t beliefloop .
#   docker run -p 8080:8080 -e BELIEFLOOP_UPSTREAM_API_KEY=sk-... beliefloop
# compose.yaml runs it with PostgreSQL, migrating once before the proxy starts.

FROM python:3.12-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY proxy ./proxy
COPY beliefs ./beliefs
COPY adapters ./adapters
# A virtual environment copied whole into the runtime stage: no compiler or pip cache there.
RUN python -m venv /opt/beliefloop \
    && /opt/beliefloop/bin/pip install --no-cache-dir /src

FROM python:3.12-slim
ENV PATH=/opt/beliefloop/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    BELIEFLOOP_CONFIG=/etc/beliefloop/config.yaml \
    BELIEFLOOP_LOG_FORMAT=json \
    BELIEFLOOP_PORT=8080
RUN groupadd --system --gid 10001 beliefloop \
    && useradd --system --no-log-init --uid 10001 --gid 10001 \
        --home-dir /var/lib/beliefloop --create-home beliefloop
COPY --from=build /opt/beliefloop /opt/beliefloop
COPY config.yaml /etc/beliefloop/config.yaml
COPY --chmod=0755 docker/entrypoint.sh /usr/local/bin/beliefloop-entrypoint
# The SQLite file (when no BELIEFLOOP_DATABASE_URL is given) and the write spool live here.
WORKDIR /var/lib/beliefloop
VOLUME ["/var/lib/beliefloop"]
USER 10001:10001
EXPOSE 8080
# Liveness only (/healthz): restarting a container cannot fix a database; /readyz is for routing.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["beliefloop-entrypoint", "healthcheck"]
ENTRYPOINT ["beliefloop-entrypoint"]
CMD ["serve"]
