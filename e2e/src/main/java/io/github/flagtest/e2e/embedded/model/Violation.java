package io.github.flagtest.e2e.embedded.model;

/**
 * One constraint of the model a request breaks, worded as AWS words it: {@code Value '64' at
 * 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128}.
 *
 * @param member the member's path as AWS names it ({@code memorySize}, {@code layers.1.member})
 * @param value the value as sent; {@code null} when absent; not shown for sensitive shapes
 * @param constraint what the model requires
 * @param sensitive whether the model marks the value sensitive (AWS then leaves it out)
 * @param serialization whether the value has the wrong JSON type (AWS: a serialization error)
 */
public record Violation(String member, String value, String constraint, boolean sensitive, boolean serialization) {

    /** AWS's sentence for this violation. */
    public String sentence() {
        String shown = sensitive ? "Value" : value == null ? "Value null" : "Value '" + value + "'";
        return shown + " at '" + member + "' failed to satisfy constraint: " + constraint;
    }
}
