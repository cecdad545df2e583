package dev.marquee.orderapi.order;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Orders extends JpaRepository<Order, String> {

    /** A customer's newest orders, for the pages' "my orders". */
    List<Order> findTop50ByCustomerIdOrderByCreatedAtDesc(String customerId);
}
