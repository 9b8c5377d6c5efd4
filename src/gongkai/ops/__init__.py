"""Operations: liveness and readiness for load balancers, reaping tasks whose worker died, alerts to
administrators, and backup/restore with verification."""
