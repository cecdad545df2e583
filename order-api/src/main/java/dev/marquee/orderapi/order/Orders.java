package dev.marquee.orderapi.order;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Orders extends JpaRepository<Order, String> {
}
