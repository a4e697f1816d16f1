package org.phasegate.server;

import java.util.List;
import java.util.Optional;
import org.phasegate.problem.Problem;
import org.phasegate.problem.Quote;

/**
 * A request the API refuses, rendered as RFC 9457 problem+json: the status, a short title, a detail that says what was
 * wrong and what to do, and, when one field is at fault, its name and value (quoted, at most 80 characters).
 */
public final class ApiProblem extends RuntimeException {
    private final int status;
    private final String title;
    private final Optional<String> field;
    private final Optional<String> value;
    private final List<Problem> problems;

    public ApiProblem(int status, String title, String detail, Optional<String> field, Optional<String> value, List<Problem> problems) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.field = field;
        this.value = value.map(Quote::of);
        this.problems = List.copyOf(problems);
    }

    public static ApiProblem of(int status, String title, String detail) {
        return new ApiProblem(status, title, detail, Optional.empty(), Optional.empty(), List.of());
    }

    /** A field with a bad value: 422 unless the request could not be read at all. */
    public static ApiProblem field(String field, String value, String detail) {
        return new ApiProblem(422, "invalid field", field + ": " + detail, Optional.of(field), Optional.ofNullable(value), List.of());
    }

    public static ApiProblem badRequest(String detail) {
        return of(400, "bad request", detail);
    }

    public static ApiProblem notFound(String detail) {
        return of(404, "not found", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Optional<String> field() {
        return field;
    }

    public Optional<String> value() {
        return value;
    }

    public List<Problem> problems() {
        return problems;
    }
}
