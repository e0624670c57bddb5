from .isd import ISDFase, ISDTraject
from .traject import Basisvoorwaarde, SignaalMail, Traject, TrajectStap, TrajectToegang

__all__ = ["Basisvoorwaarde", "ISDFase", "ISDTraject", "SignaalMail", "Traject", "TrajectStap", "TrajectToegang"]
