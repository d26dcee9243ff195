package io.github.s2spring.client.control.model;

/**
 * A location where basins can live.
 *
 * @param name the location name, such as {@code aws:us-east-1}
 * @param isPrivate whether the location is private to the account
 */
public record LocationInfo(String name, boolean isPrivate) {
}
