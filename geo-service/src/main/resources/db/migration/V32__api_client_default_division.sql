-- An API client's default area: the division forward geocoding reads a query in when the query names no division
-- and the request gives no near=/within= bias (an integrator in Xiamen sends 溪秀路3号). Null = none.
alter table api_client add column default_division varchar(12) references division(code);
