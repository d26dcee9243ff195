package io.github.s2spring.sample.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.github.s2spring.client.error.ConflictException;
import io.github.s2spring.client.error.NotFoundException;
import io.github.s2spring.core.S2OverloadedException;

/**
 * Turns failures into RFC 9457 problem details the page can show: invalid input is 400
 * with an {@code errors} map of field to message, an unknown room 404, an existing room
 * 409, an overloaded room 503.
 */
@RestControllerAdvice
class ChatErrors {

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.putIfAbsent(error.getField(), error.getDefaultMessage());
		}
		return problem(HttpStatus.BAD_REQUEST, "The message is not valid", errors);
	}

	@ExceptionHandler(InvalidRoomNameException.class)
	ResponseEntity<ProblemDetail> invalidRoom(InvalidRoomNameException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex.getMessage(), Map.of("name", ex.getMessage()));
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "No such room", Map.of());
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, "The room exists already", Map.of("name", "exists already"));
	}

	@ExceptionHandler(S2OverloadedException.class)
	ResponseEntity<ProblemDetail> overloaded(S2OverloadedException ex) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "The room is busy; try again", Map.of());
	}

	@ExceptionHandler(CompletionException.class)
	ResponseEntity<ProblemDetail> completion(CompletionException ex) throws Throwable {
		Throwable cause = ex.getCause();
		if (cause instanceof NotFoundException notFound) {
			return notFound(notFound);
		}
		if (cause instanceof S2OverloadedException overloaded) {
			return overloaded(overloaded);
		}
		throw (cause != null) ? cause : ex;
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, Map<String, String> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.status(status).body(problem);
	}

}
