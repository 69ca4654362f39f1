package io.muster.escalation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The AWS Incident Manager incident record that mirrors a Muster incident. */
@Entity
@Table(name = "aws_incident_record")
public class AwsIncidentRecord extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "record_arn")
    public String recordArn;
}
