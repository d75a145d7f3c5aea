"""A map of partners drawn by the site itself: no tiles, no third-party requests."""

from dataclasses import dataclass

# Longitude and latitude spanned by the map: Europe from Ireland to Cyprus.
WEST, EAST, SOUTH, NORTH = -12.0, 36.0, 33.0, 62.0
WIDTH, HEIGHT = 960, 640


@dataclass
class MapPoint:
    partner: object
    x: float
    y: float


def project(latitude, longitude):
    """Equirectangular projection of a point into the map's SVG coordinates."""
    x = (float(longitude) - WEST) / (EAST - WEST) * WIDTH
    y = (NORTH - float(latitude)) / (NORTH - SOUTH) * HEIGHT
    return round(x, 1), round(y, 1)


def map_points(partners):
    points = []
    for partner in partners:
        if partner.latitude is None or partner.longitude is None:
            continue
        x, y = project(partner.latitude, partner.longitude)
        if 0 <= x <= WIDTH and 0 <= y <= HEIGHT:
            points.append(MapPoint(partner, x, y))
    return points


def graticule():
    """Lines every 5 degrees, so that positions read as places."""
    meridians = [project(NORTH, lon)[0] for lon in range(-10, 36, 5)]
    parallels = [project(lat, WEST)[1] for lat in range(35, 62, 5)]
    return meridians, parallels
