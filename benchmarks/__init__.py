"""Quality and speed benchmarks on the real data in ../shared/data (never copied here)."""
