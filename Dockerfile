# syntax=docker/dockerfile:1
# One lean image per service, without the embedded stack (./marquee keeps that for run, bench and tests):
#   docker build --build-arg SERVICE=order-api --build-arg PORT=8080 -t marquee/order-api .
# SERVICE is a module with a runnable jar (order-api, outbox-relay, seat-allocator, payment-listener, expiry-worker,
# box-office, gateway-simulator); docker-compose.yml builds each. PORT and HEALTH_PATH make the image's health check.

FROM eclipse-temurin:25-jdk AS build
ARG SERVICE=order-api
WORKDIR /src
COPY . .
# Maven's repository lives in a BuildKit cache: a changed source file rebuilds without downloading anything again.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -Pservice-jars -DskipTests -Dmaven.test.skip=true package -pl "$SERVICE" -am \
 && cp "$SERVICE"/target/*-exec.jar /src/app.jar \
 && java -Djarmode=tools -jar /src/app.jar extract --layers --destination /layers

FROM eclipse-temurin:25-jre
ARG PORT=8080
ARG HEALTH_PATH=/actuator/health/readiness
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin marquee
WORKDIR /app
# Spring Boot's layers, the least often changed first: a code change ships only the last layer.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER 10001
ENV HEALTH_URL="http://localhost:${PORT}${HEALTH_PATH}" \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=6 CMD curl -sf "$HEALTH_URL" >/dev/null || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
