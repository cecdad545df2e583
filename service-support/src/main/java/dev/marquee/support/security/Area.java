package dev.marquee.support.security;

/** STAND-IN until the core lands on main. */
public enum Area { CATALOG, SCREENINGS, ORDERS, PAYMENTS, BOX_OFFICE, OPERATIONS }
