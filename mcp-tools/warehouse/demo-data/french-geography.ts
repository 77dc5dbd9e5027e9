/** A city of the demo warehouse: its region, real postal codes, population and neighbourhoods. */
export interface City {
  name: string;
  region: string;
  postalCodes: readonly string[];
  /** Inhabitants (INSEE order of magnitude); weights where patients live. */
  population: number;
  /** Real neighbourhoods, used to name practices. */
  neighbourhoods: readonly string[];
}

/** The cities of ARCHITECTURE §5, grouped by region. */
export const cities: readonly City[] = [
  {
    name: 'Paris',
    region: 'Île-de-France',
    postalCodes: Array.from({ length: 20 }, (_, index) => `750${String(index + 1).padStart(2, '0')}`),
    population: 2_100_000,
    neighbourhoods: [
      'Montparnasse',
      'Bastille',
      'Batignolles',
      'Belleville',
      'Marais',
      'Nation',
      'Convention',
      'Montmartre',
      'Gobelins',
      'République',
    ],
  },
  {
    name: 'Lyon',
    region: 'Auvergne-Rhône-Alpes',
    postalCodes: Array.from({ length: 9 }, (_, index) => `6900${index + 1}`),
    population: 520_000,
    neighbourhoods: ['Part-Dieu', 'Croix-Rousse', 'Confluence', 'Guillotière', 'Vaise', 'Monplaisir'],
  },
  {
    name: 'Marseille',
    region: "Provence-Alpes-Côte d'Azur",
    postalCodes: Array.from({ length: 16 }, (_, index) => `130${String(index + 1).padStart(2, '0')}`),
    population: 870_000,
    neighbourhoods: ['Vieux-Port', 'Castellane', 'La Joliette', 'Saint-Barnabé', 'Prado', 'Belle de Mai'],
  },
  {
    name: 'Nice',
    region: "Provence-Alpes-Côte d'Azur",
    postalCodes: ['06000', '06100', '06200', '06300'],
    population: 340_000,
    neighbourhoods: ['Cimiez', 'Libération', 'Port', 'Saint-Roch'],
  },
  {
    name: 'Toulouse',
    region: 'Occitanie',
    postalCodes: ['31000', '31100', '31200', '31300', '31400', '31500'],
    population: 500_000,
    neighbourhoods: ['Capitole', 'Saint-Cyprien', 'Rangueil', 'Minimes', 'Compans-Caffarelli'],
  },
  {
    name: 'Montpellier',
    region: 'Occitanie',
    postalCodes: ['34000', '34070', '34080', '34090'],
    population: 300_000,
    neighbourhoods: ['Antigone', 'Écusson', 'Port Marianne', 'Hôpitaux-Facultés'],
  },
  {
    name: 'Bordeaux',
    region: 'Nouvelle-Aquitaine',
    postalCodes: ['33000', '33100', '33200', '33300', '33800'],
    population: 260_000,
    neighbourhoods: ['Chartrons', 'Saint-Michel', 'Bastide', 'Caudéran', 'Saint-Augustin'],
  },
  {
    name: 'Lille',
    region: 'Hauts-de-France',
    postalCodes: ['59000', '59160', '59260', '59777', '59800'],
    population: 235_000,
    neighbourhoods: ['Vieux-Lille', 'Wazemmes', 'Fives', 'Euralille'],
  },
  {
    name: 'Strasbourg',
    region: 'Grand Est',
    postalCodes: ['67000', '67100', '67200'],
    population: 290_000,
    neighbourhoods: ['Krutenau', 'Neudorf', 'Esplanade', 'Robertsau'],
  },
  {
    name: 'Nantes',
    region: 'Pays de la Loire',
    postalCodes: ['44000', '44100', '44200', '44300'],
    population: 320_000,
    neighbourhoods: ['Île de Nantes', 'Chantenay', 'Doulon', 'Procé'],
  },
];
