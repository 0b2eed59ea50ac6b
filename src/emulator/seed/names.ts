// Names for the demo school: common in England and Wales, drawn with a seeded PRNG.

export const FIRST_NAMES = [
  'Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Ava', 'Jack', 'Mia', 'Charlie', 'Ivy', 'Noah', 'Lily', 'Leo', 'Freya',
  'Arthur', 'Grace', 'Oscar', 'Emily', 'Alfie', 'Sophie', 'Theo', 'Ella', 'Archie', 'Poppy', 'Joshua', 'Evie', 'James',
  'Chloe', 'Thomas', 'Jessica', 'William', 'Ruby', 'Ethan', 'Megan', 'Samuel', 'Hannah', 'Daniel', 'Lucy', 'Ryan',
  'Holly', 'Callum', 'Niamh', 'Rhys', 'Cerys', 'Owen', 'Bethan', 'Kieran', 'Zara', 'Mohammed', 'Aaliyah', 'Yusuf',
  'Amira', 'Kofi', 'Ama', 'Tomasz', 'Zofia', 'Rohan', 'Anaya', 'Connor', 'Erin',
] as const;

export const SURNAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson',
  'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Patel', 'Khan', 'Lewis',
  'James', 'Phillips', 'Mason', 'Mitchell', 'Rose', 'Davis', 'Rodriguez', 'Cox', 'Alexander', 'Morgan', 'Moore',
  'Hughes', 'Edwards', 'Turner', 'Cooper', 'Hill', 'Ward', 'Morris', 'King', 'Harris', 'Baker', 'Price', 'Bennett',
  'Griffiths', 'Lloyd', 'Kowalski', 'Okafor', 'Begum', 'Hussain', 'Ali', 'Singh', "O'Brien", 'Murphy', 'Kelly',
  'Shaw', 'Fletcher', 'Chapman',
] as const;

export const PARENT_FIRST_NAMES = [
  'Sarah', 'Claire', 'Emma', 'Rachel', 'Nicola', 'Joanne', 'Lisa', 'Kelly', 'Donna', 'Natalie', 'Michelle', 'Gemma',
  'Paul', 'Mark', 'David', 'Andrew', 'Richard', 'Stephen', 'Lee', 'Darren', 'Craig', 'Wayne', 'Jason', 'Imran',
  'Nadia', 'Fatima', 'Agnieszka', 'Piotr', 'Chidi', 'Grace',
] as const;

/** Personal webmail providers common in the UK. */
export const WEBMAIL_DOMAINS = ['gmail.com', 'hotmail.co.uk', 'outlook.com', 'yahoo.co.uk', 'btinternet.com', 'icloud.com', 'live.co.uk'] as const;
