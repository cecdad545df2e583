package dev.marquee.orderapi.seatmap;

public enum SeatState {
    FREE, HELD, SOLD
}
