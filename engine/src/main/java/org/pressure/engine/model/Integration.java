package org.pressure.engine.model;

/**
 * How a model's stocks move from one step to the next: {@code stock(t + dt) = stock(t) + dt * rate}
 * with the rate taken at the start of the step (Euler), averaged over Heun's two stages (RK2), or
 * over the classical four (RK4). Under Euler a stock is one more formula, {@code stock + dt * rate}
 * a step back, so it is ordered, interpreted and generated like every other part; the Runge-Kutta
 * methods evaluate every part again at each stage, which {@link Model} does step by step.
 */
public enum Integration { EULER, RK2, RK4 }
