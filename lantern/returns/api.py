from ninja import Router

from .cin_census.api import router as census_router

router = Router(tags=["Statutory returns and performance"])
router.add_router("/", census_router)
