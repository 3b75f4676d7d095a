package com.acme.orders.adapter.rest.problem;

import com.acme.orders.application.change.OrderNotFound;
import com.acme.orders.application.change.port.ConcurrentOrderChange;
import com.acme.orders.domain.DomainRuleViolation;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of a request into an RFC 9457 problem detail, whatever the {@code spring.mvc.problemdetails}
 * property says: Spring MVC's own errors through {@link ResponseEntityExceptionHandler}, the application's failures
 * that every feature meets through the handlers below, and anything unforeseen into a 500 that tells the client
 * nothing about our insides (the log gets it all). A failure that only says the database is overloaded is not
 * unforeseen: a {@link FailureAnswer} recognises it as a 503 to retry.
 *
 * <p>A feature answers its own exceptions in its own advice, ordered {@link #FEATURE_ADVICE_ORDER}, so that this
 * package knows no feature.
 */
@RestControllerAdvice
// Last, because the catch-all below takes any exception: see FEATURE_ADVICE_ORDER.
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemResponses extends ResponseEntityExceptionHandler {

    /**
     * The order of a feature's own {@code @RestControllerAdvice}: ahead of this one. Spring MVC asks the advices in
     * order, and the first with a handler for the exception or any of its causes answers it; asked first, the
     * catch-all here would answer a feature's exception as a bug. Being asked first, a feature's advice also finds its
     * exception inside Spring's wrappers (a body too large inside an unreadable message).
     */
    public static final int FEATURE_ADVICE_ORDER = Ordered.LOWEST_PRECEDENCE - 1;

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    /** A lost race on a row lock is over within milliseconds; a second later the retry sees the winner's state. */
    private static final String RETRY_AFTER_SECONDS = "1";

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private final List<FailureAnswer> answers;

    public ProblemResponses(List<FailureAnswer> answers) {
        this.answers = List.copyOf(answers);
    }

    /** Tells the client what the order is now, so it can show the truth without reading the order again. */
    @ExceptionHandler
    ResponseEntity<Object> orderRefused(OrderRefused e) {
        var type = switch (e.refusal()) {
            case ORDER_PAID -> ProblemType.ORDER_PAID;
            case ORDER_CANCELLED -> ProblemType.ORDER_CANCELLED;
            case PAYMENT_MISMATCH -> ProblemType.PAYMENT_MISMATCH;
            case DEADLINE_NOT_REACHED -> ProblemType.DEADLINE_NOT_REACHED;
            case DEADLINE_PASSED -> ProblemType.DEADLINE_PASSED;
        };
        var problem = type.problem(e.getMessage());
        var order = e.order();
        problem.setProperty("orderId", order.id().value());
        problem.setProperty("orderStatus", order.status());
        order.cancellationReason().ifPresent(reason -> problem.setProperty("cancellationReason", reason));
        return answer(problem);
    }

    @ExceptionHandler
    ResponseEntity<Object> orderNotFound(OrderNotFound e) {
        return answer(ProblemType.ORDER_NOT_FOUND.problem(e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<Object> ruleViolated(DomainRuleViolation e) {
        var problem = ProblemType.RULE_VIOLATED.problem(e.getMessage());
        problem.setProperty("errors", List.of(new InvalidField(e.subject(), e.getMessage())));
        return answer(problem);
    }

    @ExceptionHandler
    ResponseEntity<Object> concurrentChange(ConcurrentOrderChange e) {
        var problem = ProblemType.CONCURRENT_CHANGE.problem(e.getMessage());
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem);
    }

    /**
     * The use cases' failures arrive here as whatever the persistence technology threw, so the overloaded database is
     * told apart from a bug by the failure's cause (a {@link FailureAnswer} of the protection against overload: a 503
     * counted and logged once in a while, no stack trace), and everything else is a 500 logged in full.
     */
    @ExceptionHandler
    public ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        for (FailureAnswer known : answers) {
            var answer = known.answer(e, request);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure answering {} (incident {})", request.getDescription(false), incident, e);
        var problem = ProblemType.INTERNAL_ERROR.problem(
                "the service could not answer; the failure is logged as incident " + incident);
        problem.setProperty("incident", incident);
        return answer(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = ProblemType.INVALID_REQUEST.problem(UnreadableJson.detail(e.getCause()));
        UnreadableJson.field(e.getCause()).ifPresent(field -> problem.setProperty("errors", List.of(field)));
        return answer(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> errors = e.getBindingResult().getAllErrors().stream()
                .map(error -> new InvalidField(
                        error instanceof FieldError field ? field.getField() : error.getObjectName(),
                        error.getDefaultMessage()))
                .toList();
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new InvalidField(
                                // A constraint inside a @Valid body names its field; one on the parameter, the
                                // parameter.
                                error instanceof FieldError field
                                        ? field.getField()
                                        : parameterName(result.getMethodParameter()),
                                message(error))))
                .toList();
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        Class<?> type = e instanceof MethodArgumentTypeMismatchException mismatch
                ? mismatch.getParameter().nestedIfOptional().getNestedParameterType()
                : e.getRequiredType();
        String message;
        if (UUID.class.equals(type)) {
            message = "must be a UUID";
        } else if (type != null && type.isEnum()) {
            message = "must be one of " + Arrays.toString(type.getEnumConstants());
        } else if (type == int.class || type == Integer.class) {
            message = "must be a whole number";
        } else {
            message = "has the wrong format";
        }
        return invalid(List.of(new InvalidField(name, message)));
    }

    /** Spring's own problems (405, 406, 415, unknown path) leave the type unset; RFC 9457 reads that as about:blank. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getType() == null) {
            problem.setType(ABOUT_BLANK);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ResponseEntity<Object> invalid(List<InvalidField> errors) {
        String detail = errors.stream()
                .map(error -> "'" + error.field() + "' " + error.message())
                .reduce((first, second) -> first + "; " + second)
                .orElse("the request is not valid");
        var problem = ProblemType.INVALID_REQUEST.problem(detail);
        problem.setProperty("errors", errors);
        return answer(problem);
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static String parameterName(MethodParameter parameter) {
        String name = parameter.getParameterName();
        return name == null ? "parameter" : name;
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage();
    }
}
