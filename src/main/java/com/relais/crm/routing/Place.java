package com.relais.crm.routing;

/**
 * Where a round goes: the depot ({@code index} 0) or a stop of the day (1 to n, in the order the plan lists them), in
 * WGS 84 degrees. The index is the place's row and column in a routing service's distance matrix; great-circle
 * distances read the coordinates. A problem fact: the solver's planning clone shares it, never copies it.
 */
record Place(int index, double latitude, double longitude) {
  static final int DEPOT = 0;
}
