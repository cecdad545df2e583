package dev.marquee.registry;

/** A failure the REST API reports as {@code {"error_code": errorCode, "message": ...}} with an HTTP status. */
final class RegistryError extends RuntimeException {

    private final int status;
    private final int errorCode;

    private RegistryError(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    int status() {
        return status;
    }

    int errorCode() {
        return errorCode;
    }

    static RegistryError subjectNotFound(String subject) {
        return new RegistryError(404, 40401, "Subject '%s' not found.".formatted(subject));
    }

    static RegistryError versionNotFound(String subject, String version) {
        return new RegistryError(404, 40402, "Version %s not found for subject '%s'.".formatted(version, subject));
    }

    static RegistryError schemaNotFound(String what) {
        return new RegistryError(404, 40403, "Schema not found: " + what);
    }

    static RegistryError subjectConfigNotFound(String subject) {
        return new RegistryError(404, 40408,
                "Subject '%s' does not have subject-level compatibility configured".formatted(subject));
    }

    static RegistryError routeNotFound(String method, String path) {
        return new RegistryError(404, 404, "HTTP 404 Not Found: %s %s".formatted(method, path));
    }

    static RegistryError incompatible(String subject, Compatibility level, Iterable<String> problems) {
        return new RegistryError(409, 409,
                "Schema being registered is incompatible with an earlier schema for subject \"%s\" (%s), details: %s"
                        .formatted(subject, level, problems));
    }

    static RegistryError badRequest(String message) {
        return new RegistryError(400, 400, message);
    }

    static RegistryError invalidSchema(String message) {
        return new RegistryError(422, 42201, "Invalid schema: " + message);
    }

    static RegistryError invalidVersion(String version) {
        return new RegistryError(422, 42202,
                "The specified version '%s' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\""
                        .formatted(version));
    }

    static RegistryError invalidCompatibility(String level) {
        return new RegistryError(422, 42203, "Invalid compatibility level: " + level);
    }

    static RegistryError storeFailed(Exception cause) {
        RegistryError error = new RegistryError(500, 50001, "Error in the backend data store: " + cause.getMessage());
        error.initCause(cause);
        return error;
    }
}
