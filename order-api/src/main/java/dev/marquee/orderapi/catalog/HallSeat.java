package dev.marquee.orderapi.catalog;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A sellable place of a hall's grid. */
@Entity
@Table(name = "hall_seat")
@IdClass(HallSeat.Key.class)
public class HallSeat {

    @Id
    private long hallId;

    @Id
    private int layoutVersion;

    @Id
    private String label;

    private String rowLabel;
    private int gridRow;
    private int gridCol;
    private String seatType;

    @Column(name = "pair_label")
    private String pairLabel;

    protected HallSeat() {
    }

    HallSeat(long hallId, int layoutVersion, GridSeat seat) {
        this.hallId = hallId;
        this.layoutVersion = layoutVersion;
        this.label = seat.label();
        this.rowLabel = seat.rowLabel();
        this.gridRow = seat.gridRow();
        this.gridCol = seat.gridCol();
        this.seatType = seat.seatType().name();
        this.pairLabel = seat.pairLabel();
    }

    public String label() {
        return label;
    }

    public String rowLabel() {
        return rowLabel;
    }

    public int gridRow() {
        return gridRow;
    }

    public int gridCol() {
        return gridCol;
    }

    public String seatType() {
        return seatType;
    }

    public String pairLabel() {
        return pairLabel;
    }

    public record Key(long hallId, int layoutVersion, String label) implements Serializable {
        public Key() {
            this(0, 0, null);
        }
    }
}
