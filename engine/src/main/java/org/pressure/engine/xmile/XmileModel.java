package org.pressure.engine.xmile;

import java.util.List;
import java.util.Map;
import org.pressure.engine.diagnostics.Location;

/**
 * An XMILE model as read from its file, before compiling: the simulation specs and the
 * variables, each with where it was defined so that problems can point at the line.
 *
 * @param vensim     the file says it was exported from Vensim, whose INT and MOD truncate
 * @param dimensions each dimension's element names, in order
 * @param warnings   things that were accepted leniently but that the modeller should know
 * @param mappings   Vensim subscript mappings: a dimension to the dimension whose elements its own stand for, in order
 * @param scopes     for variables of modules (by canonical name, {@code hares.births}), the prefix their equations' names are read under
 */
public record XmileModel(String file, SimSpecs specs, List<Variable> variables,
                         Map<String, List<String>> dimensions, boolean vensim, List<String> warnings,
                         List<Macro> macros, Map<String, String> scopes, Map<String, String> mappings) {

    public XmileModel {
        variables = List.copyOf(variables);
        // in the file's order: where two dimensions could serve, the one defined first is taken
        dimensions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dimensions));
        warnings = List.copyOf(warnings);
        macros = List.copyOf(macros);
        scopes = Map.copyOf(scopes);
        mappings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(mappings));
    }

    public XmileModel(String file, SimSpecs specs, List<Variable> variables, Map<String, List<String>> dimensions,
                      boolean vensim, List<String> warnings, List<Macro> macros, Map<String, String> scopes) {
        this(file, specs, variables, dimensions, vensim, warnings, macros, scopes, Map.of());
    }

    public XmileModel(String file, SimSpecs specs, List<Variable> variables, Map<String, List<String>> dimensions,
                      boolean vensim, List<String> warnings, List<Macro> macros) {
        this(file, specs, variables, dimensions, vensim, warnings, macros, Map.of());
    }

    /**
     * The prefix ({@code "hares."}) under which the names in a variable's equations are found:
     * the module it belongs to, once modules are flattened into one model; empty for the main model.
     */
    public String scopeOf(String variable) {
        return scopes.getOrDefault(XmileNames.canonical(variable), "");
    }

    public XmileModel(String file, SimSpecs specs, List<Variable> variables, Map<String, List<String>> dimensions,
                      boolean vensim, List<String> warnings) {
        this(file, specs, variables, dimensions, vensim, warnings, List.of());
    }

    /**
     * An expression macro: {@code name(parameters...)} stands for {@code body} with each
     * parameter replaced by the call's argument.
     */
    public record Macro(String name, List<String> parameters, Equation body, Location location) {
        public Macro {
            parameters = List.copyOf(parameters);
        }
    }

    /** How the model is integrated. */
    public enum Method { EULER, RK2, RK4 }

    /** Start, stop, dt and save step, in model time units. */
    public record SimSpecs(double start, double stop, double dt, double saveStep, Method method, Location location) {}

    /** What a variable is. A {@code GF} is a named graphical function, called as {@code name(x)}. */
    public enum Kind { STOCK, FLOW, AUX, GF }

    /** An equation's text and where the text starts. */
    public record Equation(String text, Location location) {}

    /**
     * One variable.
     *
     * @param equation    its equation (a stock's initial value), or null
     * @param nonNegative true or false when the variable says so, null to follow {@code <behavior>}
     * @param graphical   the graphical function its equation's value is passed through, or null
     * @param dimensions  the dimensions of an array, in order, or empty for a scalar
     * @param elements    equations for single elements of an array, by their subscripts
     *                    ({@code "a, b"} for two dimensions), may be empty
     * @param rates       a stock's net flow as one equation (Vensim's {@code INTEG(rate, initial)}),
     *                    by element subscripts as {@code elements} ({@code ""} for every element);
     *                    empty when its inflows and outflows name flows
     */
    public record Variable(Kind kind, String name, Location location, Equation equation,
                           List<String> inflows, List<String> outflows, Boolean nonNegative,
                           GraphicalFunction graphical, List<String> dimensions, Map<String, Equation> elements,
                           Map<String, Equation> rates) {
        public Variable {
            inflows = List.copyOf(inflows);
            outflows = List.copyOf(outflows);
            elements = Map.copyOf(elements);
            dimensions = List.copyOf(dimensions);
            rates = Map.copyOf(rates);
        }

        /** Whether this is an array. */
        public boolean isArray() {
            return !dimensions.isEmpty();
        }
    }
}
