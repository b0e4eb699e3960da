# Builds the service from this repository: docker compose up --build
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
COPY processes processes
RUN ./mvnw -B -ntp package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 relais
WORKDIR /app
# the data directory: the self-signed signing key is made here at the first start when no keystore is configured
RUN mkdir -p /app/data && chown relais /app/data
COPY --from=build /src/target/relais-crm-*.jar app.jar
USER relais
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
